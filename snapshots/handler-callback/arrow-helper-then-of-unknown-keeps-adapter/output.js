// `ready` is not known to be a promise: its `then` may call back at once, before the helper's
// last call.
const ready = { then: (next) => next() };

async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      const run = (name, callback) => {
        ready.then(() => {
          callback(null, { early: name });
        });
        callback(null, { late: name });
      };
      run(input.payload.name, callback);
    })().catch(reject);
  });
}
