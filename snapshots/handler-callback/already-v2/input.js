async function lambda(input) {
  return { ok: true };
}
