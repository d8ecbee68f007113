// cinema.v1.CatalogService: each RPC mapped onto the public catalog REST route.
import { type RpcTable, segment } from '../../platform/grpc/server.ts';

const page = (p: { limit?: number; cursor?: string } | undefined) => ({ limit: p?.limit, cursor: p?.cursor });

export const catalogRpcs: RpcTable = {
  'cinema.v1.CatalogService': {
    ListMovies: {
      toRest: (r) => ({
        method: 'GET',
        url: '/api/v1/movies',
        query: { q: r.q, genre: r.genre, status: r.status, cinemaId: r.cinemaId, city: r.city, ...page(r.page) },
      }),
    },
    GetMovie: { toRest: (r) => ({ method: 'GET', url: `/api/v1/movies/${segment(r.id)}` }) },
    ListCinemas: {
      toRest: (r) => ({ method: 'GET', url: '/api/v1/cinemas', query: { city: r.city, ...page(r.page) } }),
      // The REST answer may be a page or a plain array; both become a page here.
      fromRest: (b) => (Array.isArray(b) ? { items: b } : b),
    },
    ListShowtimes: {
      toRest: (r) => ({
        method: 'GET',
        url: '/api/v1/showtimes',
        query: { movieId: r.movieId, cinemaId: r.cinemaId, date: r.date, from: r.from, to: r.to, ...page(r.page) },
      }),
    },
    GetShowtime: { toRest: (r) => ({ method: 'GET', url: `/api/v1/showtimes/${segment(r.id)}` }) },
    GetSeatMap: { toRest: (r) => ({ method: 'GET', url: `/api/v1/showtimes/${segment(r.showtimeId)}/seats` }) },
  },
};
