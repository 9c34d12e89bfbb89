/** Exhaustiveness guard for switches over closed unions (STYLE.md L17). */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
