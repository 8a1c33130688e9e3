async function lambda(input) {
	return new Promise((resolve, reject) => {
		const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
		(async () => {
			setTimeout(() => callback(null, "late"), 10);
		})().catch(reject);
	});
}
