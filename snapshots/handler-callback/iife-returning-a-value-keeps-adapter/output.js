async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      (async () => {
        if (!input.payload) {
          return "ignored";
        }
        callback(null, input.payload.value);
      })();
    })().catch(reject);
  });
}
