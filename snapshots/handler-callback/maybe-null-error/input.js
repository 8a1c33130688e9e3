async function lambda(input, callback) {
  let err = null;
  let result;
  try {
    result = await work(input.payload);
  } catch (e) {
    err = e;
  }
  callback(err, result);
}

async function work(payload) {
  return payload;
}
