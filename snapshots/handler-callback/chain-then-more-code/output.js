async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      load(input.payload.id).then((item) => callback(null, item)).catch((err) => callback(err));
      console.log("lookup started");
    })().catch(reject);
  });
}
