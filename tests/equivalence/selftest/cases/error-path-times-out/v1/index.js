function lambda(input, callback) {
  if (!input.conversationId) {
    console.error("missing conversationId");
    return;
  }
  callback(null, { conversationId: input.conversationId, handled: true });
}
