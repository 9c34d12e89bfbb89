/**
 * Reads every object store of an IndexedDB database with the raw IndexedDB API (no Dexie, no vault
 * middleware): what someone holding the profile folder would see.
 */
export async function rawDump(name: string, factory: IDBFactory = indexedDB): Promise<Record<string, unknown[]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const out: Record<string, unknown[]> = {};
    for (const store of Array.from(db.objectStoreNames)) {
      out[store] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error);
      });
    }
    return out;
  } finally {
    db.close();
  }
}

/** Text of a raw value for searching: JSON, with Blobs and byte arrays decoded as UTF-8. */
export async function rawText(value: unknown): Promise<string> {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  const walk = async (v: unknown): Promise<void> => {
    if (v === null || v === undefined) return;
    if (typeof v === 'string') return void parts.push(v);
    if (typeof v !== 'object') return void parts.push(String(v));
    if (seen.has(v)) return;
    seen.add(v);
    if (v instanceof Blob) return void parts.push(new TextDecoder().decode(await v.arrayBuffer()));
    if (ArrayBuffer.isView(v)) return void parts.push(new TextDecoder().decode(v as Uint8Array));
    if (v instanceof ArrayBuffer) return void parts.push(new TextDecoder().decode(new Uint8Array(v)));
    for (const [k, x] of Object.entries(v)) {
      parts.push(k);
      await walk(x);
    }
  };
  await walk(value);
  return parts.join('\n');
}

/** `store: where` for each needle found in clear in any store. */
export async function plaintextHits(name: string, needles: readonly string[], factory?: IDBFactory): Promise<string[]> {
  const dump = await rawDump(name, factory);
  const hits: string[] = [];
  for (const [store, rows] of Object.entries(dump)) {
    for (const row of rows) {
      const text = await rawText(row);
      for (const n of needles) if (text.includes(n)) hits.push(`${store}: ${n}`);
    }
  }
  return [...new Set(hits)];
}
