/**
 * Stands in for https://cdn.shopify.com/shopifycloud/app-bridge.js, which cannot be reached here:
 * the `shopify` global the page uses (toasts, id token), the session token on the page's own
 * fetches, and inert `ui-*` elements. Toasts are written to the page so the test can read them.
 */
export function appBridgeStub(sessionToken: string): string {
  return `(() => {
  const token = ${JSON.stringify(sessionToken)};
  const toastRegion = () => {
    let region = document.getElementById("stub-toasts");
    if (!region) {
      region = document.createElement("div");
      region.id = "stub-toasts";
      region.setAttribute("role", "status");
      region.style.cssText = "position:fixed;bottom:16px;left:50%;transform:translateX(-50%);z-index:1000;font:14px sans-serif";
      document.body.appendChild(region);
    }
    return region;
  };
  window.shopify = {
    config: {},
    environment: { embedded: true, mobile: false },
    idToken: async () => token,
    loading: () => {},
    toast: {
      show(message, options) {
        const toast = document.createElement("div");
        toast.className = "stub-toast";
        toast.textContent = message;
        toast.style.cssText = "background:" + (options && options.isError ? "#8e1f0b" : "#303030") + ";color:#fff;padding:8px 16px;border-radius:8px;margin-top:8px";
        toastRegion().appendChild(toast);
        return String(Date.now());
      },
      hide() {},
    },
    saveBar: { show: async () => {}, hide: async () => {}, toggle: async () => {}, leaveConfirmation: async () => {} },
  };
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url, location.href).origin !== location.origin) return pageFetch(request);
    const headers = new Headers(request.headers);
    headers.set("Authorization", "Bearer " + token);
    return pageFetch(new Request(request, { headers }));
  };
  for (const name of ["ui-save-bar", "ui-nav-menu", "ui-title-bar", "ui-modal"]) {
    customElements.define(name, class extends HTMLElement {
      connectedCallback() { this.style.display = "none"; }
      show() {}
      hide() {}
      toggle() {}
    });
  }
})();`;
}
