(window.webpackJsonp=window.webpackJsonp||[]).push([[18],{1454:function(n){n.exports=JSON.parse('{"translation":{}}')}}]);
//# sourceMappingURL=18.chunk.9291f.js.map