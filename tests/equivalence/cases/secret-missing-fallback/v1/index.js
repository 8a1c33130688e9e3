const { Toolbelt } = require('lp-faas-toolbelt');

function lambda(input, callback) {
  const secretClient = Toolbelt.SecretClient();

  secretClient.readSecret('feature-flags')
    .then((secret) => {
      callback(null, { flags: JSON.parse(secret.value), source: 'secret' });
    })
    .catch((err) => {
      // the secret is optional: fall back to defaults
      console.warn('feature-flags not readable: ' + err.message);
      callback(null, { flags: { newMenu: false, surveys: true }, source: 'default' });
    });
}
