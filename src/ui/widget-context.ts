import { createContext, useContext } from 'react';
import type { WidgetServices } from '../state/widget-services';
import { LOG_PREFIX } from '../core/log-prefix';

export type { SnippetEventDetail, ValueStore, WidgetServices } from '../state/widget-services';

export const WidgetContext = createContext<WidgetServices | null>(null);

export function useWidget(): WidgetServices {
  const services = useContext(WidgetContext);
  if (!services) throw new Error(`${LOG_PREFIX} a viewer was rendered outside its widget`);
  return services;
}
