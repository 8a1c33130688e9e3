async function lambda(input) {
  if (!input.conversationId) {
    console.error("missing conversationId");
    throw new Error("missing conversationId");
  }
  return { conversationId: input.conversationId, handled: true };
}
