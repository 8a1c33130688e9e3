async function lambda(input) {
  const res = await save(input.payload);
  return { stored: true, id: res.id };
}
