const { Toolbelt } = require('lp-faas-toolbelt')
const http = Toolbelt.HTTPClient()

function fetchPage(pageOptions) {
	return http(pageOptions).then((page) => page.items)
}

module.exports.lambda = async function lambda(input, callback) {
	const items = await fetchPage({ uri: 'https://api.example.com/page/1', json: true })
	callback(null, items)
}
