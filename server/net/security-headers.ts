import type { RequestHandler } from 'express';
import helmet from 'helmet';

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * Helmet's strict headers, fitted to the transport. A classroom laptop serves plain HTTP on its LAN address:
 * there `upgrade-insecure-requests` would send the page's own scripts to an https:// port that does not exist
 * (a blank page on every phone), HSTS would pin the name to HTTPS, and browsers ignore COOP on an untrusted
 * origin with a console warning (Origin-Agent-Cluster draws one too, when tabs of the site share a browser). Over HTTPS (directly, or per X-Forwarded-Proto from a trusted proxy) all apply.
 */
export function securityHeaders(): RequestHandler {
  const overHttps = helmet({ contentSecurityPolicy: { directives } });
  const overHttp = helmet({
    contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: null } },
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
  });
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}
