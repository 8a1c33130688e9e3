async function lambda(input) {
  const token = await readToken();
  const report = await build(token, `header
  keeps its indentation`);
  return report;
}
