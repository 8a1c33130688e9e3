// Only logging and reading the input follow the first call: V1's later work changes nothing.
async function lambda(input, callback) {
  const { arguments: words, conversationId } = input.payload;
  const flags = input.payload.flags;

  if (!words || words.length === 0) {
    callback(new Error("Please provide at least one word."));
  }

  console.info(`conversation ${conversationId}: ${JSON.stringify(input.payload)}`);
  callback(null, { text: words.join(" ").trim().toUpperCase(), loud: flags.includes("loud") });
}
