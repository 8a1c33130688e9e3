function lambda(input, callback) {
  const {
    BRAND_ID: accountId,
    LAMBDA_UUID: functionId = 'local-run',
    MY_SETTING = 'standard',
    REGION: region,
  } = process.env;

  const result = {
    accountId,
    functionId,
    mode: MY_SETTING,
    region: region || 'us',
    queue: accountId + '-' + (input.payload.queue || 'default'),
  };
  callback(null, result);
}
