// Routes bot escalations. Events we do not care about are acknowledged with callback(null).
function lambda(input, callback) {
  const event = input.payload.event;

  switch (event) {
    case 'escalate':
      callback(null, { action: 'TRANSFER', skill: input.payload.skill || 'general' });
      break;
    case 'close':
      callback(null, { action: 'CLOSE_CONVERSATION' });
      break;
    default:
      console.info('ignoring event ' + event);
      callback(null);
  }
}
