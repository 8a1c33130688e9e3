Object.defineProperty(exports, "__esModule", { value: true });

function lambda(input, callback) {
  callback(null, typeof module.exports.helper);
}

function register() {
  exports.late = true;
}

if (require.main === module) {
  lambda({}, console.log);
}

exports.count = 1;
exports.count = 2;
