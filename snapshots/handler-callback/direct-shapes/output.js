async function lambda(input) {
  if (!input.payload) {
    throw new Error("missing payload");
  }
  const kind = input.payload.kind;
  if (kind === "empty") {
    return;
  } else if (kind === "nothing") {
    return;
  }
  // the regular answer
  return { kind: kind, ok: true }; // done
}
