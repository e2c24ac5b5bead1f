/** Builds dist/ once before the tests, so they test the file that ships. */
export default async function setup(): Promise<void> {
  const { buildAll } = await import('../../build.mjs');
  await buildAll();
}
