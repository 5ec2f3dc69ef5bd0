/**
 * The baseline for `npm run bench:chat`: a bare socket.io broadcast server with no
 * auth, storage, filter or trail. `chat:join` joins a room; `chat:send` broadcasts and acks.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const http = createServer();
const io = new Server(http, { serveClient: false });
let seq = 0;
io.on('connection', (socket) => {
  socket.on('chat:join', (req: { roomId: string }, ack: (r: unknown) => void) => {
    void socket.join(req.roomId);
    ack({ ok: true, history: [] });
  });
  socket.on('chat:send', (req: { roomId: string; text: string; clientId: string }, ack: (r: unknown) => void) => {
    const message = {
      id: String(++seq),
      seq,
      roomId: req.roomId,
      text: req.text,
      clientId: req.clientId,
      at: new Date().toISOString(),
    };
    io.to(req.roomId).emit('chat:message', message);
    ack({ ok: true, message });
  });
});
http.listen(port, '127.0.0.1', () => {
  const address = http.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : port}`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
