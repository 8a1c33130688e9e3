function lambda(input, callback) {
  const response = { messages: [] };

  async function lookup() {
    return input.payload.name || "friend";
  }

  // Run the steps and answer.
  (async function () {
    try {
      const name = await lookup();
      response.messages.push(`Hello ${name}`);
      callback(null, response);
    } catch (err) {
      callback(err);
    }
  })();
}
