// The loader snippet a site pastes to embed the widget (the shape of Rocket.Chat's own installation
// snippet, so every guide written for it applies): it loads /livechat/rocketchat-livechat.min.js.
export function installSnippet(serverUrl: string): string {
  const url = serverUrl.replace(/\/+$/, '');
  return `<!-- Start of Frontdesk livechat script -->
<script type="text/javascript">
(function(w, d, s, u) {
  w.RocketChat = function(c) { w.RocketChat._.push(c) }; w.RocketChat._ = []; w.RocketChat.url = u;
  var h = d.getElementsByTagName(s)[0], j = d.createElement(s);
  j.async = true; j.src = '${url}/livechat/rocketchat-livechat.min.js?_=201903270000';
  h.parentNode.insertBefore(j, h);
})(window, document, 'script', '${url}/livechat');
</script>
<!-- End of Frontdesk livechat script -->`;
}
