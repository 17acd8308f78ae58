/** Any unknown address: the friendly 404 of the root error boundary. */
export const loader = () => {
  throw new Response('Not Found', { status: 404 });
};

export const action = loader;

export default function NotFound() {
  return null;
}
