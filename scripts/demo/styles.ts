// The demo mailbox's look: close enough to Gmail's (2024–2025 Material 3 layout) for a newcomer to feel at home.
// Gmail's own class names are styled where the page uses them as hooks; the demo's chrome uses dm-* classes.
export const DEMO_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/20px Roboto,Arial,'Liberation Sans',sans-serif;color:#1f1f1f;background:#f6f8fc;display:flex;flex-direction:column;overflow:hidden}
svg{fill:currentColor}
.dm-banner{background:#fef7e0;color:#5f3b00;font-size:12px;padding:4px 16px;text-align:center;border-bottom:1px solid #f9e2a5}
.dm-header{height:64px;display:flex;align-items:center;gap:8px;padding:0 16px;flex:none}
.dm-burger{width:48px;height:48px;display:grid;place-items:center;color:#444746}
.dm-logo{display:flex;align-items:center;gap:8px;width:190px;font-size:22px;color:#444746}
.dm-logo svg{width:36px;height:28px}
.dm-search{flex:1;max-width:720px;height:48px;border-radius:24px;background:#e9eef6;display:flex;align-items:center;gap:12px;padding:0 16px;color:#444746}
.dm-search input{flex:1;border:0;background:transparent;font:inherit;font-size:16px;outline:none}
.dm-account{margin-left:auto;width:32px;height:32px;border-radius:50%;background:#0b57d0;color:#fff;display:grid;place-items:center;font-weight:500}
.dm-body{flex:1;display:flex;min-height:0}
.dm-nav{width:256px;flex:none;padding:8px 16px 8px 0}
.dm-compose-button{margin:0 0 16px 8px;height:56px;width:max-content;white-space:nowrap;border-radius:16px;background:#c2e7ff;display:flex;align-items:center;gap:12px;padding:0 20px;font-weight:500;cursor:pointer}
.dm-compose-button:hover{box-shadow:0 1px 3px rgba(60,64,67,.3)}
.dm-nav-item{height:32px;border-radius:0 16px 16px 0;display:flex;align-items:center;gap:16px;padding:0 12px 0 26px;color:#1f1f1f;text-decoration:none;cursor:pointer}
.dm-nav-item:hover{background:#e8eaed}
.dm-nav-item.dm-active{background:#d3e3fd;font-weight:700}
.dm-nav-count{margin-left:auto;font-size:12px}
.dm-main{flex:1;min-width:0;background:#fff;border-radius:16px;margin:0 16px 16px 0;overflow:auto;position:relative}
.dm-loading{padding:24px;color:#5f6368}
.dm-toolbar{height:48px;display:flex;align-items:center;gap:4px;padding:0 16px;position:sticky;top:0;background:#fff;z-index:1}
.dm-icon{width:40px;height:40px;border-radius:50%;display:grid;place-items:center;color:#444746;cursor:pointer}
.dm-icon:hover{background:#eceff1}
.dm-check{width:18px;height:18px;border:2px solid #5f6368;border-radius:2px;margin:0 11px}
.dm-spacer{flex:1}
.dm-count{font-size:12px;color:#5f6368}
.dm-tabs{display:flex;border-bottom:1px solid #f1f3f4;padding:0 8px}
.dm-tab{height:48px;padding:0 16px;display:flex;align-items:center;color:#0b57d0;font-weight:500;border-bottom:3px solid #0b57d0}
table.F{width:100%;border-collapse:collapse;table-layout:fixed}
tr.zA{height:40px;cursor:pointer;border-bottom:1px solid #f1f3f4}
tr.zA.yO{background:#f2f6fc}
tr.zA.zE{background:#fff;font-weight:700}
tr.zA:hover{box-shadow:inset 1px 0 0 #dadce0,inset -1px 0 0 #dadce0,0 1px 2px 0 rgba(60,64,67,.3);position:relative;z-index:1}
tr.zA:focus{outline:2px solid #0b57d0;outline-offset:-2px}
tr.zA td{padding:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:middle}
td.PF{width:12px}
td.oZ-x3{width:32px}
.oZ-jc{width:18px;height:18px;border:2px solid #5f6368;border-radius:2px;margin:auto}
td.apU{width:32px;color:#c4c7c5}
td.yX{width:200px;padding-right:24px!important}
.afn{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.yW{overflow:hidden;text-overflow:ellipsis}
.bx0{color:#5f6368;font-size:12px;font-weight:400;margin-left:4px}
.xS,.xT{display:flex;align-items:center;min-width:0;overflow:hidden}
.y6{flex:none;max-width:60%;overflow:hidden;text-overflow:ellipsis}
.y2{color:#5f6368;font-weight:400;overflow:hidden;text-overflow:ellipsis}
td.xW{width:96px;text-align:right;padding-right:16px!important;font-size:12px}
tr.zA.zE td.xW{color:#1f1f1f}
.dm-thread{padding-bottom:48px}
.ha{display:flex;align-items:center;gap:12px;margin:12px 16px 16px 72px}
h2.hP{font-size:22px;line-height:28px;font-weight:400;margin:0}
.dm-label{background:#ddd;color:#444;font-size:12px;border-radius:4px;padding:0 6px}
div.adn{display:flex;gap:16px;padding:8px 16px 0 16px}
.aju{flex:none}
.dm-avatar{width:40px;height:40px;border-radius:50%;display:grid;place-items:center;color:#fff;font-size:18px;font-weight:500}
.dm-c0{background:#1a73e8}.dm-c1{background:#e8710a}.dm-c2{background:#188038}.dm-c3{background:#a142f4}
.dm-c4{background:#d93025}.dm-c5{background:#007b83}.dm-c6{background:#c5221f}.dm-c7{background:#5f6368}
.gs{flex:1;min-width:0}
table.cf{border-collapse:collapse;width:100%}
table.cf td{padding:0;vertical-align:top}
h3.iw{margin:0;font-size:14px;font-weight:400}
span.gD{font-weight:700;color:#1f1f1f}
span.go{color:#5f6368;font-size:12px;margin-left:4px}
td.gH.bAk{text-align:right;white-space:nowrap}
div.gK{display:inline-flex;align-items:center;gap:4px;color:#5f6368;font-size:12px}
.zd{color:#c4c7c5;display:grid;place-items:center;width:32px;height:32px}
td.acX{width:96px;white-space:nowrap;text-align:right}
td.acX .T-I{display:inline-grid;place-items:center;width:36px;height:36px;border-radius:50%;color:#444746;cursor:pointer}
td.acX .T-I:hover{background:#eceff1}
.hb{color:#5f6368;font-size:12px}
.ii.gt{padding:12px 0 8px}
.a3s{font-size:14px;line-height:20px}
.a3s p{margin:0 0 14px}
.gA{margin:8px 16px 0 16px}
.ip{padding:8px 0}
.amn{display:flex;gap:8px;padding-left:56px}
.ams{border:1px solid #747775;border-radius:18px;height:36px;padding:0 22px;display:inline-flex;align-items:center;color:#444746;font-weight:500;cursor:pointer}
.ams:hover{background:#f1f3f4}
td.amq{display:none}
.M9{margin-left:56px;border-radius:8px;box-shadow:0 1px 3px rgba(60,64,67,.3),0 4px 8px 3px rgba(60,64,67,.15);padding:8px 16px 12px}
table.iN{width:100%}
.dm-compose-to{color:#1f1f1f;border-bottom:1px solid #f1f3f4;padding:6px 0 8px;font-size:14px}
.dm-muted{color:#5f6368}
.Am.editable{min-height:160px;padding:12px 0;outline:none;font-size:14px;line-height:20px}
.gmail_signature{color:#5f6368}
.gmail_attr{color:#5f6368;margin-top:8px}
blockquote.gmail_quote{margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex;color:#5f6368}
.btC{display:flex;align-items:center;gap:8px;padding-top:8px}
.T-I.aoO{background:#0b57d0;color:#fff;border-radius:18px;height:36px;padding:0 24px;display:inline-flex;align-items:center;font-weight:500;cursor:pointer}
.T-I.aoO:hover{background:#0a4ebc;box-shadow:0 1px 3px rgba(60,64,67,.3)}
.dm-toast{position:fixed;left:24px;bottom:24px;background:#303030;color:#f2f2f2;border-radius:4px;padding:14px 24px;box-shadow:0 3px 5px rgba(0,0,0,.2);font-size:14px;z-index:10}
`;
