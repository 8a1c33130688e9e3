function helper(x) {
  return x + 1;
}

const double = (x) => {
  // strict, please
  return x * 2;
};

function lambda(input, callback) {
  callback(null, helper(1) + double(2));
}
