# Canned DataPulse answers for the Native AOT smoke test (.ci/aot-smoke). Usage: python3 canned_server.py PORT
import http.server, json, sys
R = {
 "/v1/analytics/kpis": (200, {"data": {"revenue": 2845000, "active_users": 18420, "conversion_rate": 0.042, "churn_risk": "low", "trend": "sideways", "period": "30d"}, "meta": {"generated_at": "2025-01-15T08:30:00Z", "cache_hit": True}}),
 "/v1/analytics/query": (200, {"data": {"columns": [{"name": "region", "type": "string"}, {"name": "sum_revenue", "type": "number"}], "rows": [["EMEA", 1203400.5], ["NA", 998000], ["APAC", None]]}, "meta": {"query_id": "qry_1", "row_count": 3, "truncated": False, "execution_time_ms": 42, "generated_at": "2025-01-15T08:30:00Z"}}),
 "/v1/predictions": (200, {"prediction": "churn_likely", "confidence": 0.87, "reasons": ["a"], "model_version": "v3.2.1"}),
}
class H(http.server.BaseHTTPRequestHandler):
    def handle_one(self):
        path = self.path.split("?")[0]
        n = int(self.headers.get("Content-Length") or 0); self.rfile.read(n)
        status, body = R.get(path, (404, {"error": {"type": "not_found_error", "code": "customer_not_found", "message": "no", "trace_id": "trc_404"}}))
        data = json.dumps(body).encode()
        self.send_response(status); self.send_header("Content-Type", "application/json"); self.send_header("X-Trace-Id", "trc_aot"); self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    do_GET = handle_one; do_POST = handle_one
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
