import { describe, expect, it } from 'vitest';
import type { LineOperations } from '../src/contract/call.js';
import { operationsForCall, operationsForLine } from '../src/webPhone/operations.js';

const allowed = (operations: LineOperations) => Object.entries(operations).filter(([, on]) => on).map(([name]) => name).sort();

describe('the web phone offers exactly what works now', () => {
  it('a ringing incoming call can be answered or declined', () => {
    expect(allowed(operationsForCall({ state: 'alerting', placedByLine: false, isConsultation: false, consultationState: null }))).toEqual(['answer', 'drop']);
  });

  it('a call ringing out can only be cancelled', () => {
    expect(allowed(operationsForCall({ state: 'alerting', placedByLine: true, isConsultation: false, consultationState: null }))).toEqual(['drop']);
  });

  it('a connected call can be held, transferred, consulted, muted, keyed and hung up', () => {
    expect(allowed(operationsForCall({ state: 'connected', placedByLine: true, isConsultation: false, consultationState: null }))).toEqual(
      ['blindTransfer', 'drop', 'dtmf', 'hold', 'makeConsultCall', 'mute', 'setupTransfer'].sort(),
    );
  });

  it('a held call waiting on an answered consultation can complete or cancel the transfer, not be taken back by unhold', () => {
    const held = allowed(operationsForCall({ state: 'held', placedByLine: false, isConsultation: false, consultationState: 'connected' }));
    expect(held).toEqual(['cancelTransfer', 'completeTransfer', 'drop']);
    const consultation = allowed(operationsForCall({ state: 'connected', placedByLine: true, isConsultation: true, consultationState: null }));
    expect(consultation).toEqual(['cancelTransfer', 'completeTransfer', 'drop', 'dtmf', 'mute']);
  });

  it('a consultation still ringing can only be cancelled', () => {
    expect(allowed(operationsForCall({ state: 'held', placedByLine: false, isConsultation: false, consultationState: 'alerting' }))).toEqual(['cancelTransfer', 'drop']);
  });

  it('a line dials (audio or video) only when registered and free', () => {
    expect(allowed(operationsForLine(false, []))).toEqual([]);
    expect(allowed(operationsForLine(true, []))).toEqual(['dial', 'video']);
    expect(allowed(operationsForLine(true, ['held']))).toEqual(['dial', 'video']);
    expect(allowed(operationsForLine(true, ['connected']))).toEqual([]);
  });
});
