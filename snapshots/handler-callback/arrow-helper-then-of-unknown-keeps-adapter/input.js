// `ready` is not known to be a promise: its `then` may call back at once, before the helper's
// last call.
const ready = { then: (next) => next() };

function lambda(input, callback) {
  const run = (name, callback) => {
    ready.then(() => {
      callback(null, { early: name });
    });
    callback(null, { late: name });
  };
  run(input.payload.name, callback);
}
