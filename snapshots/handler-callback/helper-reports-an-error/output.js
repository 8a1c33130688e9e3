async function lambda(input) {
  return check(input.payload);
}

function check(payload) {
  if (!payload.id) {
    throw new Error("no id");
  } else {
    return payload.id;
  }
}
