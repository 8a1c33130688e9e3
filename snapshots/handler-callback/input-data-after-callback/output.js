// Only logging and reading the input follow the first call: V1's later work changes nothing.
async function lambda(input) {
  const { arguments: words, conversationId } = input.payload;
  const flags = input.payload.flags;

  if (!words || words.length === 0) {
    throw new Error("Please provide at least one word.");
  }

  console.info(`conversation ${conversationId}: ${JSON.stringify(input.payload)}`);
  return { text: words.join(" ").trim().toUpperCase(), loud: flags.includes("loud") };
}
