// The input is handed to a function, which may store anything in it: `words.join` may be any
// code, so it still runs after the first call.
async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      const { arguments: words } = input.payload;
      normalise(input.payload);

      if (words.length === 0) {
        callback(new Error("Please provide at least one word."));
      }
      callback(null, words.join(" "));
    })().catch(reject);
  });
}

function normalise(payload) {
  payload.arguments.join = () => fetch("https://example.com/track");
}
