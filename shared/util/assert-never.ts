/** Exhaustiveness guard for switches over closed unions (a new member of the union fails the build here). */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
