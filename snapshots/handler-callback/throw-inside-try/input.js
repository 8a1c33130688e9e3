async function lambda(input, callback) {
  try {
    if (!input.payload.id) {
      callback(new Error("no id"));
      return;
    }
    const item = await load(input.payload.id);
    if (item == null) callback(notFound, item);
    callback(null, item);
  } catch (e) {
    callback(null, { fallback: true });
  }
}
