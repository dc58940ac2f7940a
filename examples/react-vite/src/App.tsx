import type { Format } from '@alfie/core';
import { useLibrary, useOrders } from '@alfie/react';
import { useState } from 'react';
import { ChatBox } from './components/ChatBox.js';
import { Gallery } from './components/Gallery.js';
import { GenerateForm } from './components/GenerateForm.js';
import { OrderList } from './components/OrderList.js';
import { QuotaMeter } from './components/QuotaMeter.js';

export function App({ brandId, onDisconnect }: { brandId: string; onDisconnect(): void }) {
  // Both lists are live: a new order (from the form or the chat) and every order's end reload them.
  const orders = useOrders({ brandId, limit: 10 });
  const [galleryType, setGalleryType] = useState<Format | undefined>(undefined);
  const library = useLibrary({ brandId, type: galleryType, limit: 12 });

  return (
    <div className="layout">
      <header>
        <h1>Alfie</h1>
        <QuotaMeter brandId={brandId} />
        <button type="button" className="link" onClick={onDisconnect}>
          Change server
        </button>
      </header>
      <section className="panel">
        <h2>New visual</h2>
        <GenerateForm brandId={brandId} />
      </section>
      <section className="panel">
        <h2>Chat</h2>
        <ChatBox brandId={brandId} />
      </section>
      <section className="panel wide">
        <h2>Orders</h2>
        <OrderList orders={orders} />
      </section>
      <section className="panel wide">
        <h2>Gallery</h2>
        <Gallery library={library} type={galleryType} onTypeChange={setGalleryType} />
      </section>
    </div>
  );
}
