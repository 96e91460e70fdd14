import { goError, type HttpApp } from './types.js';

/**
 * A server the catalogue knows nothing more about: it answers like a bare Go net/http mux with no
 * routes (`404 page not found`), the most common shape among the small demo servers.
 */
export const notFound: HttpApp = (req, _view, now) => ({ response: goError(404, '404 page not found', now, req.method === 'HEAD'), log: [] });
