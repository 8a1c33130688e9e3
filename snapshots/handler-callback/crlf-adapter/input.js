function lambda(input, callback) {
	setTimeout(() => callback(null, "late"), 10);
}
