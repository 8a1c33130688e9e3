// Broken on purpose: a result where V1 never answered (a failure).
async function lambda(input) {
  if (!input.conversationId) {
    return { handled: false };
  }
  return { conversationId: input.conversationId, handled: true };
}
