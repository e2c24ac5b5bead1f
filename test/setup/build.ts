/** Builds dist/ once before the tests, so they test the file that ships. */
export default async function setup(): Promise<void> {
  // @ts-expect-error build.mjs is plain JavaScript without type declarations.
  const { buildAll } = await import('../../build.mjs');
  await buildAll();
}
