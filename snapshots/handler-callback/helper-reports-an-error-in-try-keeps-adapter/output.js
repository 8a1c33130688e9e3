async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      try {
        return check(input.payload, callback);
      } catch (err) {
        return callback(null, "fallback");
      }
    })().catch(reject);
  });
}

function check(payload, callback) {
  if (!payload.id) {
    callback(new Error("no id"));
  } else {
    callback(null, payload.id);
  }
}
