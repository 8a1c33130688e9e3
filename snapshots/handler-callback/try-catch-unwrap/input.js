async function lambda(input, callback) {
  try {
    const token = await readToken();
    const report = await build(token, `header
  keeps its indentation`);
    callback(null, report);
  } catch (error) {
    callback(error);
  }
}
