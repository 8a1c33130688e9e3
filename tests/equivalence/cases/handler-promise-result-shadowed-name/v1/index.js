function lambda(input, callback) {
  const main = async (input, callback) => {
    const total = input.payload.items.reduce((sum, item) => sum + item.price, 0);
    if (total > 100) {
      return { total, discount: 10 };
    }
    return { total, discount: 0 };
  };

  callback(null, main(input));
}
