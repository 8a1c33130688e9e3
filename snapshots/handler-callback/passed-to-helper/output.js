async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      validate(input.payload, callback);
    })().catch(reject);
  });
}

function validate(payload, callback) {
  if (!payload) return callback(new Error("invalid"));
  callback(null, payload);
}
