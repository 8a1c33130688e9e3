// Validates the transfer request coming from the bot before handing it to an agent.
function lambda(input, callback) {
  var payload = input.payload;
  if (!payload || !payload.conversationId) {
    var err = new Error('conversationId is required');
    callback(err);
    return;
  }
  if (!payload.skill) {
    callback(new Error('skill is required'));
    return;
  }
  callback(null, {
    conversationId: payload.conversationId,
    skill: payload.skill.toLowerCase(),
  });
}
