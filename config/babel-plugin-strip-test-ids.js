/**
 * Removes `data-testid` JSX attributes. Used for the weapp build only: the hooks the browser tests
 * (h5) click by are not shipped to phones, where they would only add bytes to setData.
 */
module.exports = function stripTestIds() {
  return {
    name: 'strip-test-ids',
    visitor: {
      JSXAttribute(path) {
        if (path.node.name && path.node.name.name === 'data-testid') path.remove()
      },
    },
  }
}
