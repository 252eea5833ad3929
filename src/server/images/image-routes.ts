import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { imageQuerySchema } from '@/domain/schema/image-request'
import type { ImageProxy } from '@/server/images/image-proxy'
import { refuseOtherMethods } from '@/server/http/route-helpers'

/**
 * `GET /api/image?url=`: a transcript's remote image, fetched by the server (see image-proxy.ts).
 * The answer can only ever be shown as an image: a raster type, `nosniff`, and a sandbox CSP
 * should someone open it on its own.
 */
export function imageRoutes(
  parent: FastifyInstance,
  options: { proxy: ImageProxy },
): Promise<void> {
  const app = parent.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/image',
    { exposeHeadRoute: false, schema: { querystring: imageQuerySchema } },
    async (request, reply) => {
      const image = await options.proxy.fetchImage(request.query.url)
      return reply
        .header('content-type', image.contentType)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', 'inline; filename="image"')
        .header('cache-control', 'private, max-age=86400')
        .send(image.body)
    },
  )
  refuseOtherMethods(app, '/api/image', ['GET'])
  return Promise.resolve()
}
