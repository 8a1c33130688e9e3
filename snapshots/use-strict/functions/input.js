function helper(x) {
  'use strict';
  return x + 1;
}

const double = (x) => {
  "use strict"; // strict, please
  return x * 2;
};

function lambda(input, callback) {
  "use strict"
  callback(null, helper(1) + double(2));
}
