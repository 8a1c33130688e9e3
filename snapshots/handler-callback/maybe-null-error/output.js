async function lambda(input) {
  let err = null;
  let result;
  try {
    result = await work(input.payload);
  } catch (e) {
    err = e;
  }
  if (err != null) throw err;
  return result;
}

async function work(payload) {
  return payload;
}
