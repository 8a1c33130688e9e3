async function lambda(input) {
  try {
    if (!input.payload.id) {
      return Promise.reject(new Error("no id"));
    }
    const item = await load(input.payload.id);
    if (item == null) { if (notFound != null) return Promise.reject(notFound); return item; }
    return item;
  } catch (e) {
    return { fallback: true };
  }
}
